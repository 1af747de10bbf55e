package org.devolve.notification;

/** How a member gets the mails of one kind. */
public enum MailMode {
    /** One mail each time, right after the change commits. */
    IMMEDIATE,
    /** Gathered in one mail a day ({@code devolve.mail.digest-hour}, UTC). */
    DIGEST,
    /** Never by mail (still in the app). */
    OFF
}
