@NullMarked
package io.takumo.aegis.proxy.auth;

import org.jspecify.annotations.NullMarked;
