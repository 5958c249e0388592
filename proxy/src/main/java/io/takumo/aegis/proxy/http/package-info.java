@NullMarked
package io.takumo.aegis.proxy.http;

import org.jspecify.annotations.NullMarked;
