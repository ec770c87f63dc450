package com.healthconnect.media;

import java.io.InputStream;

/** How an allowed viewer gets an image's bytes: streamed from our store, or a redirect to a signed, expiring URL. */
public sealed interface Delivery {

	record Content(InputStream bytes, String contentType, long length, boolean publicImage) implements Delivery {
	}

	record Redirect(String url) implements Delivery {
	}
}
