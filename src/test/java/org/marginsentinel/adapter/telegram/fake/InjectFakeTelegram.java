package org.marginsentinel.adapter.telegram.fake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a {@link FakeTelegram} field of a test annotated with
 * {@code @WithTestResource(FakeTelegramResource.class)} to receive the running fake.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectFakeTelegram {
}
