@NullMarked
package io.takumo.aegis.proxy.config;

import org.jspecify.annotations.NullMarked;
