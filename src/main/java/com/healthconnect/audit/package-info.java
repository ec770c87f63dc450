/** Who touched which record: an append-only log that nothing in the application can change or delete. */
package com.healthconnect.audit;
