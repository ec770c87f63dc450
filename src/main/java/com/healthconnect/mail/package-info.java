/**
 * Outgoing e-mail: one {@link com.healthconnect.mail.Mailer} that sends an {@link com.healthconnect.mail.OutgoingMail}
 * over SMTP in the background, or does nothing when no mail server is configured.
 */
package com.healthconnect.mail;
