package org.devolve.platform.outbox;

/**
 * Does the work of one outbox topic. {@link #handle} runs in a transaction that holds the message's row lock
 * and records what it returns: database work done in it happens exactly once; work outside the database
 * (email, a webhook) at least once, since a crash after it and before the commit repeats it. A handler that
 * throws has its transaction rolled back and the message is tried again later.
 */
public interface OutboxHandler {

    /** The topic this handler serves, e.g. {@code notification}. */
    String topic();

    /** One step of the message's work: all of it, or a batch and where to resume. */
    Step handle(Message message);

    /** A message as the handler sees it. {@code progress} is what its previous step returned, or null. */
    record Message(long id, String topic, String payload, String progress, int attempts) {}

    /** Done, or resume from {@code progress} in another transaction. */
    record Step(boolean done, String progress) {

        public static Step finished() {
            return new Step(true, null);
        }

        public static Step resumeFrom(String progress) {
            if (progress == null) {
                throw new IllegalArgumentException("a step that is not the last says where to resume");
            }
            return new Step(false, progress);
        }
    }
}
