@NullMarked
package io.takumo.aegis.cli;

import org.jspecify.annotations.NullMarked;
