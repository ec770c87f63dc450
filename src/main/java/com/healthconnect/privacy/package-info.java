/**
 * The data protection rights of a signed-in user: export everything held on them (GDPR art. 15 and 20) and delete
 * their account (art. 17). Each module that holds personal data contributes its part through {@link
 * com.healthconnect.privacy.PersonalData}, so this module depends on none of them.
 */
package com.healthconnect.privacy;
