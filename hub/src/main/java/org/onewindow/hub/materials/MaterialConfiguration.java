package org.onewindow.hub.materials;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaterialProperties.class)
class MaterialConfiguration {

    /** Look-ups wait on other systems, not on the CPU, so a few threads serve many cases at once. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService materialLookups(MaterialProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.lookupThreads(), task -> {
            Thread thread = new Thread(task, "material-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
