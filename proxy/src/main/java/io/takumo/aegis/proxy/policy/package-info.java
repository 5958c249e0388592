/** Policy enforcement (SPEC.md §5): what happens to a request in which a secret was found. */
@NullMarked
package io.takumo.aegis.proxy.policy;

import org.jspecify.annotations.NullMarked;
