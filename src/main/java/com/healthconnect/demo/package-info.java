/** Demo doctors and a demo patient for the embedded default, so a newcomer can sign in at once. */
package com.healthconnect.demo;
