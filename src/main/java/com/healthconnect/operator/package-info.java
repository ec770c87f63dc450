/**
 * Operators, the third role, who run the platform: their accounts (the first one from the environment), and the
 * audit log they read. Doctor verification lives with the doctors ({@code DoctorVerifications}).
 */
package com.healthconnect.operator;
