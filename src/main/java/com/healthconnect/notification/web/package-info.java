/** The {@code /api/notifications} endpoints. */
package com.healthconnect.notification.web;
