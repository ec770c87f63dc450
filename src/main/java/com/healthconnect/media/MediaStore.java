package com.healthconnect.media;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.media.internal.BlobStorage;
import com.healthconnect.media.internal.ImageType;
import com.healthconnect.media.internal.MediaFile;
import com.healthconnect.media.internal.MediaProperties;
import com.healthconnect.patient.PatientProfiles;
import com.healthconnect.platform.DomainException;

/**
 * Stores images and decides who may see each one. An image is stored only when its bytes are a JPEG, PNG, WebP or GIF
 * (whatever the file is called or claims to be) and it is within the size limit. Its owner may always see it; a chat
 * image also the user it was sent to; an upload is public only while it is its owner's profile picture. Everyone
 * else gets 404, as for an image that does not exist.
 */
@Service
public class MediaStore implements InitializingBean {

	private final MongoTemplate mongo;
	private final BlobStorage storage;
	private final MediaProperties properties;
	private final DoctorProfiles doctors;
	private final PatientProfiles patients;
	private final Clock clock;

	MediaStore(MongoTemplate mongo, BlobStorage storage, MediaProperties properties, DoctorProfiles doctors,
			PatientProfiles patients, Clock clock) {
		this.mongo = mongo;
		this.storage = storage;
		this.properties = properties;
		this.doctors = doctors;
		this.patients = patients;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(MediaFile.class)
			.createIndex(new Index().on("ownerId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
	}

	/** {@code POST /api/media}: a picture the owner may use as profile image. */
	public MediaRef upload(CurrentUser owner, MultipartFile file) {
		return store(owner, file, "file", MediaFile.Purpose.UPLOAD, List.of());
	}

	/** An image sent in a chat: visible to its sender and its receiver only. */
	public MediaRef storeChatImage(CurrentUser owner, MultipartFile image, String receiverId) {
		return store(owner, image, "image", MediaFile.Purpose.CHAT, List.of(receiverId));
	}

	public Delivery deliver(String id, CurrentUser viewer) {
		MediaFile file = ObjectId.isValid(id) ? mongo.findById(id, MediaFile.class) : null;
		if (file == null) {
			throw notFound();
		}
		boolean own = viewer != null && viewer.id().equals(file.ownerId());
		boolean sharedWithViewer = viewer != null && file.sharedWith().contains(viewer.id());
		boolean profileImage = file.purpose() == MediaFile.Purpose.UPLOAD && isProfileImageOfOwner(file);
		if (!own && !sharedWithViewer && !profileImage) {
			throw notFound();
		}
		return storage.deliver(file, profileImage);
	}

	private MediaRef store(CurrentUser owner, MultipartFile file, String field, MediaFile.Purpose purpose,
			List<String> sharedWith) {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalidField(field, "is required and must not be empty");
		}
		long max = properties.maxBytes().toBytes();
		if (file.getSize() > max) {
			throw DomainException.payloadTooLarge("Images may be at most " + properties.maxBytes().toKilobytes()
					+ " KB; this one is " + file.getSize() / 1024 + " KB");
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw DomainException.invalidField(field, "could not be read");
		}
		ImageType type = ImageType.sniff(bytes).orElseThrow(() -> DomainException
			.unsupportedMediaType("Only JPEG, PNG, WebP and GIF images are accepted, judged by the file's content"));
		String id = new ObjectId().toHexString();
		BlobStorage.StoredBlob blob = storage.store(id, bytes, type);
		mongo.insert(new MediaFile(id, owner.id(), owner.role(), type.contentType(), bytes.length, blob.storage(),
				blob.reference(), blob.format(), purpose, sharedWith, clock.instant()));
		return MediaRef.of(id);
	}

	private boolean isProfileImageOfOwner(MediaFile file) {
		String url = MediaRef.of(file.id()).url();
		try {
			String profileImage = file.ownerRole() == Role.DOCTOR ? doctors.get(file.ownerId()).profileImage()
					: patients.get(file.ownerId()).profileImage();
			return url.equals(profileImage);
		}
		catch (DomainException ownerGone) {
			return false;
		}
	}

	private static DomainException notFound() {
		return DomainException.notFound("No such image, or you may not see it");
	}
}
