/** The {@code media} collection, content sniffing and the two storage back ends. */
package com.healthconnect.media.internal;
