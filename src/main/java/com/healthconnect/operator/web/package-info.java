/** The operators' {@code /api/admin} endpoints that are not about doctors. */
package com.healthconnect.operator.web;
