/**
 * The benchmark suite's load client (profile {@code bench}, never part of {@code mvn verify}): it starts the app jar
 * as a separate JVM, creates accounts and appointments through the public API, drives STOMP over real WebSockets and
 * REST over keep-alive sockets on loopback, and prints one line per figure.
 */
package com.healthconnect.bench;
