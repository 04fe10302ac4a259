"""A learner's check scores and survey answers in their data export, and erasure."""
