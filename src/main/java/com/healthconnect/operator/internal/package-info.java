/** Operator accounts in MongoDB. */
package com.healthconnect.operator.internal;
