/** HTTP plumbing shared by every module: problem details and forwarding of the single-page app's routes. */
package com.healthconnect.platform.web;
