/** Personal data held outside any module this one may depend on. */
package com.healthconnect.privacy.internal;
