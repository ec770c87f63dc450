package com.healthconnect.media;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.media.internal.BlobStorage;
import com.healthconnect.media.internal.MediaFile;
import com.healthconnect.privacy.PersonalData;

/** A deleted account's images, profile pictures and chat images alike, are removed with their bytes. */
@Component
@Order(50)
class MediaPersonalData implements PersonalData {

	private final MongoTemplate mongo;
	private final BlobStorage storage;

	MediaPersonalData(MongoTemplate mongo, BlobStorage storage) {
		this.mongo = mongo;
		this.storage = storage;
	}

	@Override
	public String section() {
		return null; // the images' addresses are in the profile and the messages
	}

	@Override
	public Object export(CurrentUser user) {
		return null;
	}

	@Override
	public void erase(CurrentUser user) {
		Query owned = Query.query(Criteria.where("ownerId").is(user.id()));
		for (MediaFile file : mongo.find(owned, MediaFile.class)) {
			storage.delete(file);
			mongo.remove(Query.query(Criteria.where("_id").is(file.id())), MediaFile.class);
		}
	}
}
