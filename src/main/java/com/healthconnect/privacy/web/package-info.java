/** {@code GET /api/auth/me/export} and {@code DELETE /api/auth/me}. */
package com.healthconnect.privacy.web;
