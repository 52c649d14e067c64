package org.silkgrant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a fresh in-memory database with the demo call and accounts (password
 * {@link #DEMO_PASSWORD}), driven through MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface SilkGrantTest {

    /** The demo password set in {@code application-test.yml}. */
    String DEMO_PASSWORD = "Test#Demo2026";
}
