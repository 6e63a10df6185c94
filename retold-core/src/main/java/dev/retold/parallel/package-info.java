/**
 * Work shared out among threads so that the result does not depend on how many: {@link
 * dev.retold.parallel.ParallelTasks} runs numbered tasks, each writing only its own slot of the
 * result. Used by the scan's stages and by the candidate indexes; not meant for library callers,
 * and not exported by the module.
 */
package dev.retold.parallel;
