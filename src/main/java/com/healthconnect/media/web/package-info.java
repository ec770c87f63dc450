/** {@code /api/media}. */
package com.healthconnect.media.web;
