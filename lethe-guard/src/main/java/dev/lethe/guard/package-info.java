/**
 * The output guard: keeps private data about people out of what a language model says, on whole answers and
 * on streamed ones. {@link dev.lethe.guard.Guard} is the entry point; {@link dev.lethe.guard.gateway} puts it
 * in front of an OpenAI-compatible model.
 */
package dev.lethe.guard;
