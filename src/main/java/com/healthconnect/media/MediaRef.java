package com.healthconnect.media;

/** A stored image as the API shows it: its id and the URL to fetch it from ({@code /api/media/{id}}). */
public record MediaRef(String id, String url) {

	public static MediaRef of(String id) {
		return new MediaRef(id, "/api/media/" + id);
	}
}
