/** The notifications and preferences collections. */
package com.healthconnect.notification.internal;
