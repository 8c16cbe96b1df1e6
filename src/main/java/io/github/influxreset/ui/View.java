package io.github.influxreset.ui;

import javafx.scene.Parent;

/**
 * The one template of every view: the constructor creates the parts, lays them out and binds them
 * to the view model, in that order. Views hold no logic beyond binding.
 */
public abstract class View<M> {
    protected final M model;

    protected View(M model) {
        this.model = model;
    }

    /** Calls the three phases; subclasses call it at the end of their constructor. */
    protected final void build() {
        createParts();
        layoutParts();
        bind();
    }

    protected abstract void createParts();

    protected abstract void layoutParts();

    protected abstract void bind();

    public abstract Parent root();
}
