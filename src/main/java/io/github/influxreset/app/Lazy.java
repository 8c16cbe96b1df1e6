package io.github.influxreset.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * An adapter made on its first use, so that opening the wizard loads and connects nothing it does
 * not need for the first screen (docker-java and the InfluxDB client are slow to load). The first
 * call happens on the task runner's thread, never on the UI thread.
 */
final class Lazy {
    private Lazy() {
    }

    static <T> T of(Class<T> type, Supplier<? extends T> factory) {
        Object lock = new Object();
        Object[] instance = {null};
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "lazy " + type.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            Object target;
            synchronized (lock) {
                if (instance[0] == null) {
                    instance[0] = factory.get();
                }
                target = instance[0];
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
