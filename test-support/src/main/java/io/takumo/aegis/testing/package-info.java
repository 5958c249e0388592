/** Test plumbing shared by every module's tests. */
@NullMarked
package io.takumo.aegis.testing;

import org.jspecify.annotations.NullMarked;
