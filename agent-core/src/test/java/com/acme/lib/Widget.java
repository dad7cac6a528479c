package com.acme.lib;

/** A library class; AdviceDispatcherTest defines a copy of it in each of its library loaders. */
public class Widget {}
