package com.healthconnect.media.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import com.healthconnect.media.Delivery;
import com.healthconnect.platform.DomainException;

import com.mongodb.client.gridfs.model.GridFSFile;

/** Image bytes in MongoDB GridFS ({@code fs.files}, {@code fs.chunks}): the default, nothing to set up. */
class GridFsStorage implements BlobStorage {

	private final GridFsTemplate gridFs;

	GridFsStorage(GridFsTemplate gridFs) {
		this.gridFs = gridFs;
	}

	@Override
	public StoredBlob store(String mediaId, byte[] bytes, ImageType type) {
		ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), "media-" + mediaId, type.contentType());
		return new StoredBlob(MediaFile.Storage.GRIDFS, id.toHexString(), null);
	}

	@Override
	public Delivery deliver(MediaFile file, boolean publicImage) {
		GridFSFile stored = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(file.reference()))));
		if (stored == null) {
			throw DomainException.notFound("The image's content is missing");
		}
		GridFsResource resource = gridFs.getResource(stored);
		try {
			return new Delivery.Content(resource.getInputStream(), file.contentType(), stored.getLength(), publicImage);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(MediaFile file) {
		gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(file.reference()))));
	}
}
