package org.marginsentinel.application;

/** Hears of every write of an account, inside the writing transaction. */
public interface AccountChanges {

    void written(long userId);
}
