/** Measurements of the gateway against a baseline taken in the same run. */
@NullMarked
package io.takumo.aegis.perf;

import org.jspecify.annotations.NullMarked;
