# shellcheck shell=bash
# loadrank's default Kafka topic names and the topic-name rule, for the scripts. Sourced by
# lib/common.sh. The Java programs' definitions are Metric.defaultTopic() and
# io.loadrank.config.TopicNames; TopicNamesScriptTest fails when this file says otherwise.

# the metric topics, in Metric's order: cpu, memory, pending tasks, read latency, write latency
# shellcheck disable=SC2034 # used by the scripts that source this file
METRIC_TOPICS=(cpuLoad memLoad pendingTasks readLatency writeLatency)
# shellcheck disable=SC2034
HOSTS_TOPIC=hosts
# shellcheck disable=SC2034
RANKINGS_TOPIC=loadRankings
# shellcheck disable=SC2034
ALERTS_TOPIC=loadAlerts
# shellcheck disable=SC2034
DEAD_LETTER_TOPIC=loadDeadLetter
# what a topic name may be (TopicNames.PATTERN), and in words (TopicNames.ALLOWED)
# shellcheck disable=SC2034
TOPIC_REGEX='^[A-Za-z0-9._-]{1,249}$'
# shellcheck disable=SC2034
TOPIC_ALLOWED="1-249 of letters, digits, '.', '_', '-'"
