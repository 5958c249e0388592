@NullMarked
package io.takumo.aegis.proxy.route;

import org.jspecify.annotations.NullMarked;
