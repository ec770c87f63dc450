/** The embedded MongoDB default (mongo-java-server) and durability settings for a real MongoDB. */
package com.healthconnect.platform.mongo;
