# peercall's interface in English, the source language. Each language has a file beside this one
# with the same messages (`de.ftl`); `cargo test -p peercall-core` checks none is missing.

## The engine's words: signals, outcomes, score bands, difficulties.

signal-peer-contract = peer contract
signal-peer-contract-why = You proposed a short, agreed conversation about the big picture before anyone commits to anything. The prospect hears a business peer, not someone waiting for orders.
signal-honest-self-interest = honest self-interest
signal-honest-self-interest-why = You said plainly what your company needs before it invests time. Prospects trust people who are open about their own interest.
signal-business-question = business-issue question
signal-business-question-why = You asked about the business reason behind the request. That is where you learn whether the opportunity is real.
signal-request-question = request-only question
signal-request-question-why = You asked only about the request itself. The prospect reads it as you getting ready to do what was asked, not as qualifying.
signal-gratitude = gratitude / deference
signal-gratitude-why = You thanked or deferred to the prospect as if the meeting were a favour to you. It quietly tells them the customer is master.
signal-ask-permission = asking permission
signal-ask-permission-why = You asked permission to ask questions. It signals a servant waiting for instructions, and leaves the prospect in charge of the call.
signal-face-value = accepting at face value
signal-face-value-why = You took the request at face value. The prospect now assumes you will do what they asked, whatever it costs you.
signal-commit-resources = committing resources
signal-commit-resources-why = You committed your company's time before you knew whether the opportunity was real.
signal-mutual-value = mutual value
signal-mutual-value-why = You framed the next step as valuable to both sides: nobody is doing anyone a favour.
signal-neutral = neutral
signal-neutral-why = A neutral line: it neither builds nor costs trust by itself.
outcome-qualified-in = qualified in
outcome-qualified-out = qualified out
outcome-wasted = resources wasted
outcome-lost = prospect lost
tier-business-peer = Business peer
tier-trusted-resource = Trusted resource
tier-getting-there = Getting there
tier-customer-advocate = Customer advocate
tier-order-taker = Order taker
difficulty-beginner = Beginner
difficulty-intermediate = Intermediate
difficulty-advanced = Advanced
