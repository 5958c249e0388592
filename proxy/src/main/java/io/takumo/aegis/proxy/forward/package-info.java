/** The forward proxy's organization CA and the leaf certificates it signs for intercepted hosts (SPEC §10). */
@NullMarked
package io.takumo.aegis.proxy.forward;

import org.jspecify.annotations.NullMarked;
