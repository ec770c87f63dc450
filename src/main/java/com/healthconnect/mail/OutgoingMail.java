package com.healthconnect.mail;

import java.util.List;
import java.util.Objects;

/**
 * One e-mail to one recipient.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body, always sent
 * @param html an HTML alternative of the same content, or null
 * @param attachments files attached to the mail, possibly none
 */
public record OutgoingMail(String to, String subject, String text, String html, List<Attachment> attachments) {

	public OutgoingMail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** A plain-text mail without attachments. */
	public static OutgoingMail text(String to, String subject, String text) {
		return new OutgoingMail(to, subject, text, null, List.of());
	}

	/**
	 * @param filename the name the recipient sees
	 * @param contentType its MIME type, such as {@code text/calendar}
	 * @param content the bytes
	 */
	public record Attachment(String filename, String contentType, byte[] content) {

		public Attachment {
			Objects.requireNonNull(filename, "filename");
			Objects.requireNonNull(contentType, "contentType");
			Objects.requireNonNull(content, "content");
		}
	}
}
