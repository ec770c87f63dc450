/**
 * Cross-cutting infrastructure: domain errors as problem details, the embedded MongoDB default and SPA forwarding.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.healthconnect.platform;
