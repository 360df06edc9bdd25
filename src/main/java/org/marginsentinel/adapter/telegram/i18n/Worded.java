package org.marginsentinel.adapter.telegram.i18n;

/** A refusal argument the adapter words only once the reader's language is known (see {@link Texts#refusal}). */
public interface Worded {

    String in(Texts texts);
}
