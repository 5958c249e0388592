@NullMarked
package io.takumo.aegis.proxy.server;

import org.jspecify.annotations.NullMarked;
