/** The {@code /api/auth} endpoints. */
package com.healthconnect.auth.web;
