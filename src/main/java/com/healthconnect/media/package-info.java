/**
 * Images: profile pictures and chat images, judged by their bytes, stored in MongoDB GridFS or (when
 * {@code CLOUDINARY_URL} is set) in Cloudinary with authenticated delivery, and handed out per file to those allowed
 * to see them. {@link com.healthconnect.media.MediaStore} is the API.
 */
package com.healthconnect.media;
