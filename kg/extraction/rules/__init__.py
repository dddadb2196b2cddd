"""The rule language: patterns over sentence skeletons that state relations and events.

`skeleton` turns a tokenised sentence into a string of matching keys with one typed
placeholder per entity, and compiles the rule notation to regular expressions over it;
`catalogue` holds the rules; `matcher` runs them (one `RuleHit` per match). The analyse
stage finds the hits; the resolve stage turns them into relations and event mentions.
"""
