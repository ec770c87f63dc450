package com.healthconnect.media.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.media.Delivery;
import com.healthconnect.media.MediaRef;
import com.healthconnect.media.MediaStore;

@RestController
@RequestMapping("/api/media")
class MediaController {

	private final MediaStore media;

	MediaController(MediaStore media) {
		this.media = media;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MediaRef> upload(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file) {
		MediaRef stored = media.upload(user, file);
		return ResponseEntity.created(URI.create(stored.url())).body(stored);
	}

	/** Anyone may ask (profile pictures are public); the store decides per file and answers 404 otherwise. */
	@GetMapping("/{id}")
	ResponseEntity<?> get(@PathVariable String id, @AuthenticationPrincipal CurrentUser viewer) {
		Delivery delivery = media.deliver(id, viewer);
		if (delivery instanceof Delivery.Redirect redirect) {
			return ResponseEntity.status(302).location(URI.create(redirect.url())).cacheControl(CacheControl.noStore())
				.build();
		}
		Delivery.Content content = (Delivery.Content) delivery;
		CacheControl cache = content.publicImage() ? CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()
				: CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.contentLength(content.length())
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(new InputStreamResource(content.bytes()));
	}
}
