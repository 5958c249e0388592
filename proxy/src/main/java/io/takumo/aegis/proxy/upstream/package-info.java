@NullMarked
package io.takumo.aegis.proxy.upstream;

import org.jspecify.annotations.NullMarked;
