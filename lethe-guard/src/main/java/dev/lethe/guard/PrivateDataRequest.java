package dev.lethe.guard;

import dev.lethe.filter.Label;
import java.util.Objects;

/**
 * A prompt that asks for a private individual's contact or identity data: "What is Ana Ruiz's home address?".
 *
 * @param asked       the kind of data asked for
 * @param personStart where the person is named in the prompt (UTF-16 index)
 * @param personEnd   end of the name, exclusive
 */
public record PrivateDataRequest(Label asked, int personStart, int personEnd) {
  public PrivateDataRequest {
    Objects.requireNonNull(asked, "asked");
  }
}
